"""Qt item models: thin adapters from the core's records to Qt views."""
