package fifoqueue

var ParseFormat = parseFormat
