"""sqdesk: an offline desktop app for a shop's WeChat member community."""

__version__ = "0.1.0"
APP_NAME = "sqdesk"
ORG_NAME = "sqdesk"
