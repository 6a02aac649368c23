"""Getting requests to the server: one keep-alive connection with its retry policy
(``transport``), the spool on disk for what it cannot deliver yet (``spool``), re-sending
the spool (``sync``, and the process's ``keeper`` thread), and artifact bodies (``bodies``).

Below the Run and the readers, above the wire encoding: nothing here knows a Run."""
