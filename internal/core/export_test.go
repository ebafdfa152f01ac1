package core

// DemoPDF lets the external tests use the demo data's PDF writer.
var DemoPDF = demoPDF
