"""Inburgering (opgave 3): civic integration under the Wet inburgering 2021, from koppeling on."""
