"""The pure domain of huisvesting: dossiers, the waiting queue with its homes, and taakstellingen."""
