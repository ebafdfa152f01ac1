package jobs

// Due is due, for tests.
var Due = due
