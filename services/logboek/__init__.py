"""The Logboek Dataverwerkingen (Logius): a record per data subject per processing, the register of activities, and trace context."""
