"""The jury chair's Textual interface: ChairApp (app.py) and its screens, widgets and texts."""
