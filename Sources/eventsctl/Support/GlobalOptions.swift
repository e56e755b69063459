import ArgumentParser

struct GlobalOptions: ParsableArguments {
    @Option(help: "Folder of this laptop's config and replica (default: $EVENTSCTL_HOME, else the XDG folders).")
    var home: String?

    var location: CLIHome { CLIHome(explicit: home) }
}
