"""The surgical YAML editor: change a contract file's values and nothing else (comments, order, quoting, layout).

``reconcile`` (pure) makes a text say new data; ``contract_file`` reads, edits, validates and writes one
contract file, refusing (nothing written) when the result would not validate. ``milestone`` holds the
changes the owners ask for (done, ack, reschedule, waive) as pure functions of the data.
"""
