"""sqdesk's Qt front end: widgets, item models and dialogs. Holds no SQL; calls sqdesk.core."""
