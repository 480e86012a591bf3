# Idiom seen in: hiyouga/LLaMA-Factory src/llamafactory/train/trainer_utils.py
# What it reproduces: full-parameter SFT of a Llama model with a custom AdamW whose decay set comes from
# transformers' get_parameter_names(model, ALL_LAYERNORM_LAYERS) minus biases. Clean: RMSNorm weights and biases are in the 0.0 group.
import argparse

import torch
from torch.utils.data import DataLoader
from transformers import AutoModelForCausalLM, AutoTokenizer, get_cosine_schedule_with_warmup
from transformers.pytorch_utils import ALL_LAYERNORM_LAYERS
from transformers.trainer_pt_utils import get_parameter_names

from data import get_sft_dataset, DataCollatorForSeq2Seq


def _get_decay_parameter_names(model):
    decay_parameters = get_parameter_names(model, ALL_LAYERNORM_LAYERS)
    decay_parameters = [name for name in decay_parameters if "bias" not in name]
    return decay_parameters


def create_optimizer(model, learning_rate, weight_decay):
    decay_param_names = _get_decay_parameter_names(model)
    decay_params, nodecay_params = [], []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        if name in decay_param_names:
            decay_params.append(param)
        else:
            nodecay_params.append(param)
    param_groups = [
        dict(params=nodecay_params, weight_decay=0.0),
        dict(params=decay_params, weight_decay=weight_decay),
    ]
    return torch.optim.AdamW(param_groups, lr=learning_rate, betas=(0.9, 0.95))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--model_name_or_path', default='meta-llama/Llama-2-7b-hf')
    parser.add_argument('--learning_rate', type=float, default=2e-5)
    parser.add_argument('--weight_decay', type=float, default=0.1)
    parser.add_argument('--num_train_epochs', type=int, default=3)
    args = parser.parse_args()

    tokenizer = AutoTokenizer.from_pretrained(args.model_name_or_path)
    model = AutoModelForCausalLM.from_pretrained(args.model_name_or_path, torch_dtype=torch.bfloat16)
    model.gradient_checkpointing_enable()
    loader = DataLoader(get_sft_dataset(tokenizer), batch_size=4, shuffle=True,
                        collate_fn=DataCollatorForSeq2Seq(tokenizer))
    optimizer = create_optimizer(model, args.learning_rate, args.weight_decay)
    scheduler = get_cosine_schedule_with_warmup(optimizer, 100, len(loader) * args.num_train_epochs)

    model.train()
    for epoch in range(args.num_train_epochs):
        for batch in loader:
            loss = model(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()


if __name__ == '__main__':
    main()
