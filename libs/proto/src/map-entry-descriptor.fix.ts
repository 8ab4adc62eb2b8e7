import type * as protoLoader from "@grpc/proto-loader";
import * as descriptor from "protobufjs/ext/descriptor";

type MessageDescriptor = descriptor.IDescriptorProto;

/**
 * protobufjs (under proto-loader) names the synthetic entry type of a `map<K, V> foo` field
 * `Foo`, where protoc and every other implementation say `FooEntry`. Go's protobuf runtime
 * rejects the former, so grpcurl cannot describe any service whose file has a map field
 * (the standard health service does: HealthListResponse.statuses). This renames such entry
 * types, and the fields that refer to them, in every file descriptor of a definition.
 */
export function withProtocMapEntryNames(
  definition: protoLoader.PackageDefinition,
): protoLoader.PackageDefinition {
  const fixed = new Map<Buffer, Buffer>();
  const fix = (bytes: Buffer): Buffer => {
    let result = fixed.get(bytes);
    if (!result) {
      const file = descriptor.FileDescriptorProto.decode(bytes) as descriptor.IFileDescriptorProto;
      const changed = (file.messageType ?? []).map(renameMapEntries).some(Boolean);
      result = changed ? Buffer.from(descriptor.FileDescriptorProto.encode(file).finish()) : bytes;
      fixed.set(bytes, result);
    }
    return result;
  };
  const out: protoLoader.PackageDefinition = {};
  for (const [name, entry] of Object.entries(definition)) {
    // Reflection reads descriptors from message and enum entries only; services pass through.
    const protos = (entry as Partial<protoLoader.MessageTypeDefinition<object, object>>)
      .fileDescriptorProtos;
    out[name] = Array.isArray(protos)
      ? ({ ...entry, fileDescriptorProtos: protos.map(fix) } as protoLoader.AnyDefinition)
      : entry;
  }
  return out;
}

/** Renames the map entry types of one message and its nested messages; true if any changed. */
function renameMapEntries(message: MessageDescriptor): boolean {
  let changed = false;
  for (const nested of message.nestedType ?? []) {
    changed = renameMapEntries(nested) || changed;
    const name = nested.name ?? "";
    if (!nested.options?.mapEntry || name.endsWith("Entry")) continue;
    nested.name = `${name}Entry`;
    for (const field of message.field ?? []) {
      const typeName = field.typeName ?? "";
      if (typeName === name || typeName.endsWith(`.${message.name}.${name}`))
        field.typeName = `${typeName}Entry`;
    }
    changed = true;
  }
  return changed;
}
