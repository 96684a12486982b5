from selfreview.cli import main

raise SystemExit(main())
