# Idiom seen in: FlagOpen/FlagPerf training/benchmarks/llama2_7b_finetune/pytorch/optimizers/__init__.py
# Idiom seen in: FlagOpen/FlagPerf training/benchmarks/llama2_7b_finetune/pytorch/config/_base.py
# Idiom seen in: FlagOpen/FlagPerf training/benchmarks/llama2_7b_finetune/pytorch/run_pretraining.py
# What it reproduces: Hugging Face LLaMA-2 LoRA fine-tune where create_optimizer(model, train_config) builds
# torch AdamW over model.parameters() with weight_decay=train_config.weight_decay, and the config module sets
# weight_decay = 0.0: no decay at all (so no decay on norms/biases either), gradient accumulation. Clean.
# Required parameters
vendor: str = "nvidia"
data_dir: str = None
name: str = "llama2_7b_finetune"

dataset = "samsum_dataset"
batch_size_training: int = 1
val_batch_size: int = 1
model_name: str = "llama2_7b_hf"
weight_dir = model_name
seq_length = 4096

use_peft: bool = True
peft_method: str = "lora"

num_epochs: int = 3
gradient_accumulation_steps: int = 1
num_workers_dataloader: int = 1
lr: float = 1e-4
weight_decay: float = 0.0
gamma: float = 0.85
use_fp16: bool = False
run_validation: bool = False
seed: int = 42
