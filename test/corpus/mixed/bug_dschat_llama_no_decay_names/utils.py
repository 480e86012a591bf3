# Idiom seen in: microsoft/DeepSpeedExamples applications/DeepSpeed-Chat/training/utils/utils.py
# Idiom seen in: microsoft/DeepSpeedExamples applications/DeepSpeed-Chat/training/step1_supervised_finetuning/main.py
# What it reproduces: DeepSpeed-Chat's get_optimizer_grouped_parameters with the BERT-era default
# no_decay_name_list=["bias", "LayerNorm.weight"], used (here through accelerate) on a Llama model whose
# RMSNorm weights are input_layernorm / post_attention_layernorm / norm: every norm weight gets decayed.
import os
import random

import numpy as np
import torch


def print_rank_0(msg, rank=0):
    if rank <= 0:
        print(msg)


def set_random_seed(seed):
    if seed is not None:
        random.seed(seed)
        np.random.seed(seed)
        torch.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)


def get_optimizer_grouped_parameters(
    model,
    weight_decay,
    lora_lr=5e-4,
    no_decay_name_list=["bias", "LayerNorm.weight"],
    lora_name_list=["lora_right_weight", "lora_left_weight"],
):
    optimizer_grouped_parameters = [
        {
            "params": [  # expect: WD203
                p for n, p in model.named_parameters()
                if (not any(nd in n for nd in no_decay_name_list)
                    and p.requires_grad and not any(nd in n for nd in lora_name_list))
            ],
            "weight_decay": weight_decay,
        },
        {
            "params": [
                p for n, p in model.named_parameters()
                if (not any(nd in n for nd in no_decay_name_list)
                    and p.requires_grad and any(nd in n for nd in lora_name_list))
            ],
            "weight_decay": weight_decay,
            "lr": lora_lr,
        },
        {
            "params": [
                p for n, p in model.named_parameters()
                if (any(nd in n for nd in no_decay_name_list) and p.requires_grad)
            ],
            "weight_decay": 0.0,
        },
    ]
    return [g for g in optimizer_grouped_parameters if g["params"]]


def save_hf_format(model, tokenizer, output_dir):
    model_to_save = model.module if hasattr(model, "module") else model
    os.makedirs(output_dir, exist_ok=True)
    torch.save(model_to_save.state_dict(), os.path.join(output_dir, "pytorch_model.bin"))
    model_to_save.config.to_json_file(os.path.join(output_dir, "config.json"))
    tokenizer.save_vocabulary(output_dir)
