"""The spreadsheet bridge: import a company's contract ledger (合同台账), export the one finance wants.

Import is a pipeline of pure steps with the file reading at the front and the
writing in the command:

    readers   .xlsx/.csv -> Tables of raw cell values (encoding detected)
    layouts   Tables -> Records: each data row's cells split into contract
              fields, milestone fields and repeated milestone column groups
    importer  Records + people -> contract dicts + located Problems
    preflight each contract rendered by yaml_writer and checked by the real validator
    (command) write the files that passed, atomically

Export reads the engine's Evaluation and writes an .xlsx (or a flat CSV) whose
headers are the import vocabulary, so an export imports back to the same contracts.
"""
