"""One module per `actorgraph` subcommand, each with `register(subparsers)`."""
