// MLflow's system metrics (mlflow.enable_system_metrics_logging()) under runcamp's one set of
// `system/…` names, so a run logged through MLflow and one logged by the runcamp SDK meet in one
// chart and one filter (docs/system-metrics.md holds the whole table, SDK and AIM included):
//
//   MLflow key (under system/)             runcamp series                  context      value
//   cpu_utilization_percentage             system/cpu_percent                           × 1
//   system_memory_usage_percentage         system/memory_percent                        × 1
//   system_memory_usage_megabytes          system/memory_used_bytes                     × 1e6
//   disk_usage_percentage                  system/disk_usage_percent                    × 1
//   disk_usage_megabytes                   system/disk_used_bytes                       × 1e6
//   disk_available_megabytes               system/disk_free_bytes                       × 1e6
//   network_transmit_megabytes             system/net_sent_total_bytes                  × 1e6
//   network_receive_megabytes              system/net_recv_total_bytes                  × 1e6
//   gpu_{i}_utilization_percentage         system/gpu_utilization_percent  {"gpu":"i"}  × 1
//   gpu_{i}_memory_usage_megabytes         system/gpu_memory_used_bytes    {"gpu":"i"}  × 1e6
//   gpu_{i}_memory_usage_gigabytes (ROCm)  system/gpu_memory_used_bytes    {"gpu":"i"}  × 1e9
//   gpu_{i}_memory_usage_percentage        system/gpu_memory_percent       {"gpu":"i"}  × 1
//   gpu_{i}_power_usage_watts              system/gpu_power_w              {"gpu":"i"}  × 1
//   gpu_{i}_power_usage_percentage         system/gpu_power_percent        {"gpu":"i"}  × 1
//
// Any other key is kept as it is (system/node_0/… from a multi-node run, a name a later MLflow
// adds). {i} is a GPU index as MLflow writes it, 0 to 9999 without leading zeros: "gpu_x_…",
// "gpu_007_…" or a 20-digit index is not a GPU and keeps its name, so two spellings never
// make two contexts for one GPU.
//
// Reading through MLflow turns a mapped series back into MLflow's key and unit; GPU memory
// reads as megabytes (MLflow's NVIDIA spelling) whichever vendor logged it. Bytes are rounded
// to whole bytes: MLflow sends megabytes with one decimal (or a quotient of whole bytes), and
// a whole number of bytes divided back gives exactly the decimal MLflow sent.

/** One system series in both spellings: MLflow's key, runcamp's name and canonical context. */
export interface SystemSeries {
  key: string;
  name: string;
  context: string;
  /** The GPU index of a per-GPU series (its context), else null. */
  gpu: string | null;
  /** runcamp's value = MLflow's × scale. */
  scale: number;
}

const MACHINE: Record<string, { name: string; scale: number }> = {
  cpu_utilization_percentage: { name: "system/cpu_percent", scale: 1 },
  system_memory_usage_percentage: { name: "system/memory_percent", scale: 1 },
  system_memory_usage_megabytes: { name: "system/memory_used_bytes", scale: 1e6 },
  disk_usage_percentage: { name: "system/disk_usage_percent", scale: 1 },
  disk_usage_megabytes: { name: "system/disk_used_bytes", scale: 1e6 },
  disk_available_megabytes: { name: "system/disk_free_bytes", scale: 1e6 },
  network_transmit_megabytes: { name: "system/net_sent_total_bytes", scale: 1e6 },
  network_receive_megabytes: { name: "system/net_recv_total_bytes", scale: 1e6 },
};

const PER_GPU: Record<string, { name: string; scale: number }> = {
  utilization_percentage: { name: "system/gpu_utilization_percent", scale: 1 },
  memory_usage_megabytes: { name: "system/gpu_memory_used_bytes", scale: 1e6 },
  memory_usage_gigabytes: { name: "system/gpu_memory_used_bytes", scale: 1e9 },
  memory_usage_percentage: { name: "system/gpu_memory_percent", scale: 1 },
  power_usage_watts: { name: "system/gpu_power_w", scale: 1 },
  power_usage_percentage: { name: "system/gpu_power_percent", scale: 1 },
};

const PREFIX = "system/";
const GPU_KEY = /^gpu_(0|[1-9]\d{0,3})_([a-z_]+)$/;
const GPU_CONTEXT = /^\{"gpu":"(0|[1-9]\d{0,3})"\}$/;

// The way back: runcamp name → MLflow suffix, the first spelling in each table (megabytes
// before gigabytes).
const invert = (table: Record<string, { name: string; scale: number }>) => {
  const out = new Map<string, { suffix: string; scale: number }>();
  for (const [suffix, { name, scale }] of Object.entries(table)) if (!out.has(name)) out.set(name, { suffix, scale });
  return out;
};
const MACHINE_BACK = invert(MACHINE);
const PER_GPU_BACK = invert(PER_GPU);

/** The runcamp series an MLflow metric key lands in, or null when the key is not in the table. */
export function systemSeriesOfKey(key: string): SystemSeries | null {
  if (!key.startsWith(PREFIX)) return null;
  const suffix = key.slice(PREFIX.length);
  const machine = Object.hasOwn(MACHINE, suffix) ? MACHINE[suffix] : undefined;
  if (machine) return { key, name: machine.name, context: "{}", gpu: null, scale: machine.scale };
  const gpu = GPU_KEY.exec(suffix);
  const each = gpu && Object.hasOwn(PER_GPU, gpu[2]) ? PER_GPU[gpu[2]] : undefined;
  if (!gpu || !each) return null;
  return { key, name: each.name, context: JSON.stringify({ gpu: gpu[1] }), gpu: gpu[1], scale: each.scale };
}

/** The MLflow key a runcamp series reads as, or null when it has none (it keeps its own name). */
export function systemSeriesOfName(name: string, context: string): SystemSeries | null {
  const machine = MACHINE_BACK.get(name);
  if (machine) return context === "{}" ? { key: PREFIX + machine.suffix, name, context, gpu: null, scale: machine.scale } : null;
  const each = PER_GPU_BACK.get(name);
  const gpu = GPU_CONTEXT.exec(context);
  if (!each || !gpu) return null;
  return { key: `${PREFIX}gpu_${gpu[1]}_${each.suffix}`, name, context, gpu: gpu[1], scale: each.scale };
}

/** The series' context as the filter AST spells it (src/filter/parse.ts ContextEntry[]). */
export const systemContextEntries = (s: SystemSeries) => (s.gpu === null ? [] : [{ key: "gpu", value: s.gpu }]);

/** An MLflow value in runcamp's unit (whole bytes for sizes; NaN and ±Infinity stay). */
export const runcampValue = (s: SystemSeries, value: number): number => (s.scale === 1 ? value : Math.round(value * s.scale));

/** A runcamp value in MLflow's unit. */
export const mlflowValue = (s: SystemSeries, value: number): number => value / s.scale;
