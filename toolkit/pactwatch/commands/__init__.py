"""One module per subcommand; registered in pactwatch.cli.COMMANDS."""
