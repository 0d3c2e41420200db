using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ModelApi;

/// <summary>
/// The scoring model, written as ONNX protobuf in memory so the sample ships no binary: one <c>Mul</c> node,
/// <c>y = x * x</c>, over a float vector of the given length.
/// </summary>
internal static class SquareModel
{
    public static byte[] Build(int length)
    {
        var node = Join(Text(1, "x"), Text(1, "x"), Text(2, "y"), Text(3, "square"), Text(4, "Mul"));
        var graph = Join(Field(1, node), Text(2, "score"), Field(11, Vector("x", length)), Field(12, Vector("y", length)));
        var opset = Join(Text(1, ""), Number(2, 13));
        return Join(Number(1, 7), Text(2, "ModelApi"), Field(7, graph), Field(8, opset));
    }

    // ValueInfoProto: name, then TypeProto.tensor_type with element type FLOAT and a one-dimension shape.
    private static byte[] Vector(string name, int length)
    {
        var shape = Field(1, Number(1, length));
        var tensor = Join(Number(1, 1), Field(2, shape));
        return Join(Text(1, name), Field(2, Field(1, tensor)));
    }

    private static byte[] Number(int field, long value) => Join(Varint((ulong)field << 3), Varint((ulong)value));

    private static byte[] Text(int field, string value) => Field(field, Encoding.UTF8.GetBytes(value));

    private static byte[] Field(int field, byte[] body) => Join(Varint(((ulong)field << 3) | 2), Varint((ulong)body.Length), body);

    private static byte[] Join(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value & 0x7F | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return bytes.ToArray();
    }
}
