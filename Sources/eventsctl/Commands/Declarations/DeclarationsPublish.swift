import ArgumentParser
import EventsCore

extension Declarations {
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish a declaration (its signatories become public), optionally open to public signature.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The declaration's id or title.") var declaration: String
        @Flag(help: "Also open it to public signature through the daemon's form.") var publicSigning = false
        @Flag(help: "Withdraw the publication (and close public signature) instead.") var withdraw = false

        func run() throws {
            let store = try global.location.openStore()
            let id = try store.declaration(declaration).id
            try store.editDeclaration(
                id: id, DeclarationChanges(published: !withdraw, publicSigning: withdraw ? false : publicSigning))
        }
    }
}
