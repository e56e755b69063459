import ArgumentParser
import EventsCore

/// `--rank minister`: the words of the protocol order, checked while the command line is read.
extension ProtocolRank: ExpressibleByArgument {}
