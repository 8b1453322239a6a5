"""The pure domain of mzd: one zaak per person after a definitive refusal."""
