# Idiom seen in: haotian-liu/LLaVA llava/train/train.py
# Idiom seen in: haotian-liu/LLaVA llava/train/llava_trainer.py
# What it reproduces: LLaVA-style finetuning entry point: TrainingArguments subclass with
# mm_projector_lr, HfArgumentParser, the model from a package the workspace lacks, and
# LLaVATrainer whose create_optimizer splits decay / no-decay groups. Clean.
from dataclasses import dataclass, field
from typing import Optional

import torch
import transformers

from llava_trainer import LLaVATrainer
from llava.model import LlavaLlamaForCausalLM
from llava.data import make_supervised_data_module


@dataclass
class ModelArguments:
    model_name_or_path: Optional[str] = field(default="lmsys/vicuna-7b-v1.5")
    vision_tower: Optional[str] = field(default="openai/clip-vit-large-patch14-336")
    mm_projector_type: Optional[str] = field(default="mlp2x_gelu")
    tune_mm_mlp_adapter: bool = field(default=False)


@dataclass
class DataArguments:
    data_path: str = field(default=None, metadata={"help": "Path to the training data."})
    image_folder: Optional[str] = field(default=None)
    lazy_preprocess: bool = False


@dataclass
class TrainingArguments(transformers.TrainingArguments):
    cache_dir: Optional[str] = field(default=None)
    optim: str = field(default="adamw_torch")
    model_max_length: int = field(default=2048)
    mm_projector_lr: Optional[float] = None
    group_by_modality_length: bool = field(default=False)


def train():
    parser = transformers.HfArgumentParser((ModelArguments, DataArguments, TrainingArguments))
    model_args, data_args, training_args = parser.parse_args_into_dataclasses()

    model = LlavaLlamaForCausalLM.from_pretrained(
        model_args.model_name_or_path,
        cache_dir=training_args.cache_dir,
        torch_dtype=torch.bfloat16 if training_args.bf16 else None,
    )
    model.config.use_cache = False
    model.get_model().initialize_vision_modules(model_args=model_args)
    model.config.mm_projector_lr = training_args.mm_projector_lr

    tokenizer = transformers.AutoTokenizer.from_pretrained(
        model_args.model_name_or_path, model_max_length=training_args.model_max_length,
        padding_side="right", use_fast=False)
    data_module = make_supervised_data_module(tokenizer=tokenizer, data_args=data_args)

    trainer = LLaVATrainer(model=model, tokenizer=tokenizer, args=training_args, **data_module)
    trainer.train()
    trainer.save_state()


if __name__ == "__main__":
    train()
