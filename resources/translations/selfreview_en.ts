<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>CheckPanel</name>
    <message numerus="yes">
        <location filename="../../selfreview/ui/check_panel.py" line="+55"/>
        <source>%n problem(s) to fix</source>
        <translation>
            <numerusform>%n problem to fix</numerusform>
            <numerusform>%n problems to fix</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuotaBanner</name>
    <message numerus="yes">
        <location filename="../../selfreview/ui/secretary/common.py" line="+122"/>
        <source>Quota of excellent ratings so far: %1; %n member(s) not rated yet</source>
        <translation>
            <numerusform>Quota of excellent ratings so far: %1; %n member not rated yet</numerusform>
            <numerusform>Quota of excellent ratings so far: %1; %n members not rated yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewEditor</name>
    <message numerus="yes">
        <location filename="../../selfreview/ui/review_editor.py" line="+293"/>
        <source>%n problem(s) must be fixed before the review can be finalized. Each one is listed under &quot;Check&quot;; click it to go to the field.</source>
        <translation>
            <numerusform>%n problem must be fixed before the review can be finalized. It is listed under &quot;Check&quot;; click it to go to the field.</numerusform>
            <numerusform>%n problems must be fixed before the review can be finalized. Each one is listed under &quot;Check&quot;; click it to go to the field.</numerusform>
        </translation>
    </message>
</context>
</TS>
