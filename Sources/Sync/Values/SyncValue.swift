import Foundation
import GRDB

/// One replicated cell value. On the wire integers and text are plain JSON; reals and blobs are tagged
/// (`{"f": 1.5}`, `{"b": "base64"}`) because JSON cannot tell 1.0 from 1.
public enum SyncValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// Bytes the value itself occupies, used to tell value payload from protocol overhead.
    public var payloadSize: Int {
        switch self {
        case .null: 0
        case .integer: 8
        case .real: 8
        case .text(let value): value.utf8.count
        case .blob(let value): value.count
        }
    }
}

extension SyncValue: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let value): value.databaseValue
        case .real(let value): value.databaseValue
        case .text(let value): value.databaseValue
        case .blob(let value): value.databaseValue
        }
    }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> SyncValue? {
        switch dbValue.storage {
        case .null: .null
        case .int64(let value): .integer(value)
        case .double(let value): .real(value)
        case .string(let value): .text(value)
        case .blob(let value): .blob(value)
        }
    }
}

extension SyncValue: Codable {
    private enum TagKey: String, CodingKey {
        case f, b
    }

    public init(from decoder: any Decoder) throws {
        if let tagged = try? decoder.container(keyedBy: TagKey.self) {
            if let real = try tagged.decodeIfPresent(Double.self, forKey: .f) {
                self = .real(real)
            } else if let base64 = try tagged.decodeIfPresent(String.self, forKey: .b),
                let data = Data(base64Encoded: base64)
            {
                self = .blob(data)
            } else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath,
                        debugDescription: "A tagged value is {\"f\": number} or {\"b\": base64}."))
            }
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "A value is null, an integer, a string, {\"f\": number} or {\"b\": base64}.")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .integer(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .text(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .real(let value):
            var container = encoder.container(keyedBy: TagKey.self)
            try container.encode(value, forKey: .f)
        case .blob(let value):
            var container = encoder.container(keyedBy: TagKey.self)
            try container.encode(value.base64EncodedString(), forKey: .b)
        }
    }
}
