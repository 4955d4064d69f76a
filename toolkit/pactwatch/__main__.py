from pactwatch.cli import run

run()
