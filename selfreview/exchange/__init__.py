"""Moving reviews between colleagues: identity keys, invitation and response files, import."""
