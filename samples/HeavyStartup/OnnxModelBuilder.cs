using System.Collections.Generic;
using System.IO;
using System.Text;

namespace HeavyStartup;

/// <summary>
/// Writes a minimal ONNX model (protobuf) in memory, so the sample ships no binary file:
/// one <c>Add</c> node computing <c>y = x + x</c> over a float vector. A few hundred bytes.
/// </summary>
internal static class OnnxModelBuilder
{
    private const int WireVarint = 0;
    private const int WireLengthDelimited = 2;
    private const long ElementTypeFloat = 1;

    public static byte[] AddModel(int featureCount)
    {
        var node = Message(
            Text(1, "x"),               // NodeProto.input
            Text(1, "x"),
            Text(2, "y"),               // NodeProto.output
            Text(3, "double"),          // NodeProto.name
            Text(4, "Add"));            // NodeProto.op_type

        var graph = Message(
            Bytes(1, node),                                 // GraphProto.node
            Text(2, "double_features"),                     // GraphProto.name
            Bytes(11, VectorValueInfo("x", featureCount)),  // GraphProto.input
            Bytes(12, VectorValueInfo("y", featureCount))); // GraphProto.output

        var opset = Message(Text(1, ""), Varint(2, 13));    // OperatorSetIdProto: default domain, opset 13

        return Message(
            Varint(1, 7),                   // ModelProto.ir_version
            Text(2, "HeavyStartup"),        // ModelProto.producer_name
            Bytes(7, graph),                // ModelProto.graph
            Bytes(8, opset));               // ModelProto.opset_import
    }

    // ValueInfoProto { name, type: TypeProto { tensor_type: { elem_type: FLOAT, shape: [length] } } }
    private static byte[] VectorValueInfo(string name, int length)
    {
        var dimension = Message(Varint(1, length));     // TensorShapeProto.Dimension.dim_value
        var shape = Message(Bytes(1, dimension));       // TensorShapeProto.dim
        var tensor = Message(Varint(1, ElementTypeFloat), Bytes(2, shape));
        var type = Message(Bytes(1, tensor));           // TypeProto.tensor_type
        return Message(Text(1, name), Bytes(2, type));
    }

    private static byte[] Message(params byte[][] fields)
    {
        using var stream = new MemoryStream();
        foreach (var field in fields)
        {
            stream.Write(field, 0, field.Length);
        }

        return stream.ToArray();
    }

    private static byte[] Text(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    private static byte[] Bytes(int field, byte[] value)
    {
        var bytes = new List<byte>();
        WriteVarint(bytes, ((ulong)field << 3) | WireLengthDelimited);
        WriteVarint(bytes, (ulong)value.Length);
        bytes.AddRange(value);
        return bytes.ToArray();
    }

    private static byte[] Varint(int field, long value)
    {
        var bytes = new List<byte>();
        WriteVarint(bytes, ((ulong)field << 3) | WireVarint);
        WriteVarint(bytes, (ulong)value);
        return bytes.ToArray();
    }

    private static void WriteVarint(List<byte> bytes, ulong value)
    {
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
    }
}
