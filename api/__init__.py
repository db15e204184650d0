"""The Flask JSON API, the network view and the command line."""
