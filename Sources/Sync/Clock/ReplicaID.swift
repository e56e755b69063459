import Foundation

/// The 128-bit identity of one replica. It breaks ties between equal clock readings, so its order is part of
/// the merge rule: byte-wise, which is also the order of its lowercase hex form.
public struct ReplicaID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let bytes: Data

    public init() {
        let uuid = UUID().uuid
        bytes = withUnsafeBytes(of: uuid) { Data($0) }
    }

    public init?(bytes: Data) {
        guard bytes.count == 16 else { return nil }
        self.bytes = Data(bytes)
    }

    public init?(hex: String) {
        guard hex.utf8.count == 32 else { return nil }
        var data = Data(capacity: 16)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            data.append(byte)
            index = next
        }
        bytes = data
    }

    public var hex: String { bytes.map { String(format: "%02x", $0) }.joined() }

    public var description: String { hex }

    public static func < (lhs: ReplicaID, rhs: ReplicaID) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}

extension ReplicaID: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = ReplicaID(hex: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "A replica id is 32 hexadecimal digits, not '\(text.prefix(40))'.")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
