# Idiom seen in: FlagOpen/FlagPerf training/benchmarks/llama2_7b_finetune/pytorch/optimizers/__init__.py
# Idiom seen in: FlagOpen/FlagPerf training/benchmarks/llama2_7b_finetune/pytorch/config/_base.py
# Idiom seen in: FlagOpen/FlagPerf training/benchmarks/llama2_7b_finetune/pytorch/run_pretraining.py
# What it reproduces: Hugging Face LLaMA-2 LoRA fine-tune where create_optimizer(model, train_config) builds
# torch AdamW over model.parameters() with weight_decay=train_config.weight_decay, and the config module sets
# weight_decay = 0.0: no decay at all (so no decay on norms/biases either), gradient accumulation. Clean.
from ._base import *  # noqa: F401,F403
