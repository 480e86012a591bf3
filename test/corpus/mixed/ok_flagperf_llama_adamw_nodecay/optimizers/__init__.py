# Idiom seen in: FlagOpen/FlagPerf training/benchmarks/llama2_7b_finetune/pytorch/optimizers/__init__.py
# Idiom seen in: FlagOpen/FlagPerf training/benchmarks/llama2_7b_finetune/pytorch/config/_base.py
# Idiom seen in: FlagOpen/FlagPerf training/benchmarks/llama2_7b_finetune/pytorch/run_pretraining.py
# What it reproduces: Hugging Face LLaMA-2 LoRA fine-tune where create_optimizer(model, train_config) builds
# torch AdamW over model.parameters() with weight_decay=train_config.weight_decay, and the config module sets
# weight_decay = 0.0: no decay at all (so no decay on norms/biases either), gradient accumulation. Clean.
import torch.optim as optim


def create_optimizer(model, train_config):
    opt = optim.AdamW(
        model.parameters(),
        lr=train_config.lr,
        weight_decay=train_config.weight_decay,
        fused=True if train_config.use_fp16 else False,
    )
    return opt
