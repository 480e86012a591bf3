// Writing ONNX models with onnx-proto: IR version 8, opset 17 (at 18, ReduceSum* take axes as an
// input; ENVIRONMENT.md). Graphs are built from plain node descriptions so the emitter stays small.
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export const OPSET = 17;
export const FLOAT = onnx.TensorProto.DataType.FLOAT;
export const INT64 = onnx.TensorProto.DataType.INT64;
export const BOOL = onnx.TensorProto.DataType.BOOL;

/** Numbers are INT when whole; `{ float }` forces FLOAT; `{ tensor }` is a constant tensor. */
export type AttributeValue =
  | number
  | number[]
  | string
  | { float: number }
  | { tensor: { dims: number[]; floats?: number[]; int64s?: number[] } }
  | { graph: onnxProto.onnx.IGraphProto };

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes?: Record<string, AttributeValue>;
}

export interface ValueSpec {
  name: string;
  type: number;
  /** Dimensions; omitted for a value whose shape onnxruntime infers. */
  dims?: number[];
}

export interface GraphSpec {
  name: string;
  inputs: ValueSpec[];
  outputs: ValueSpec[];
  nodes: NodeSpec[];
}

export function graphProto(spec: GraphSpec): onnxProto.onnx.IGraphProto {
  return {
    name: spec.name,
    input: spec.inputs.map(valueInfo),
    output: spec.outputs.map(valueInfo),
    node: spec.nodes.map((node, index) => ({
      opType: node.op,
      name: `${spec.name}_${node.op}_${index}`,
      input: node.inputs,
      output: node.outputs,
      attribute: Object.entries(node.attributes ?? {}).map(([name, value]) => attribute(name, value)),
    })),
  };
}

export function encodeModel(graph: GraphSpec): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'decay-lens',
    opsetImport: [{ domain: '', version: OPSET }],
    graph: graphProto(graph),
  });
  return onnx.ModelProto.encode(model).finish();
}

function valueInfo(spec: ValueSpec): onnxProto.onnx.IValueInfoProto {
  return {
    name: spec.name,
    type: {
      tensorType: {
        elemType: spec.type,
        shape: spec.dims ? { dim: spec.dims.map((dimValue) => ({ dimValue })) } : undefined,
      },
    },
  };
}

function attribute(name: string, value: AttributeValue): onnxProto.onnx.IAttributeProto {
  const types = onnx.AttributeProto.AttributeType;
  if (typeof value === 'number') {
    return Number.isInteger(value) ? { name, type: types.INT, i: value } : { name, type: types.FLOAT, f: value };
  }
  if (typeof value === 'string') return { name, type: types.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: types.INTS, ints: value };
  if ('float' in value) return { name, type: types.FLOAT, f: value.float };
  if ('graph' in value) return { name, type: types.GRAPH, g: value.graph };
  const { dims, floats, int64s } = value.tensor;
  return {
    name,
    type: types.TENSOR,
    t: floats ? { dims, dataType: FLOAT, floatData: floats } : { dims, dataType: INT64, int64Data: int64s ?? [] },
  };
}
