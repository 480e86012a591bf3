# Idiom seen in: huggingface/distil-whisper training/run_distillation.py
# What it reproduces: distil-whisper's PyTorch distillation script on accelerate: get_parameter_names(student,
# [nn.LayerNorm], forbidden_module=frozen encoder) minus every "bias" name gives the decay set; AdamW gets a
# weight_decay group and a 0.0 group; the loss (0.8 * CE + kl_weight * KL) goes to accelerator.backward: clean.

import sys
from dataclasses import dataclass, field

import torch
import torch.nn as nn
from accelerate import Accelerator
from transformers import HfArgumentParser, Seq2SeqTrainingArguments, WhisperForConditionalGeneration, get_scheduler

from distil_data import get_train_dataloader


@dataclass
class DistillationTrainingArguments(Seq2SeqTrainingArguments):
    freeze_encoder: bool = field(default=True)
    freeze_decoder: bool = field(default=False)
    kl_weight: float = field(default=1.0)
    temperature: float = field(default=2.0)


def get_parameter_names(model, forbidden_layer_types, forbidden_module=None):
    """Names of the parameters that are not inside a forbidden layer type or a forbidden module."""
    result = []
    for name, child in model.named_children():
        result += [
            f"{name}.{n}"
            for n in get_parameter_names(child, forbidden_layer_types, forbidden_module)
            if not (isinstance(child, tuple(forbidden_layer_types))
                    or (child in tuple(forbidden_module) if forbidden_module is not None else False))
        ]
    # Add model specific parameters (defined with nn.Parameter) since they are not in any child.
    result += list(model._parameters.keys())
    return result


def kl_divergence(target_distribution, log_predicted_distribution, labels):
    kl_loss = nn.KLDivLoss(reduction="none")
    divergence = kl_loss(log_predicted_distribution, target_distribution)
    padding_mask = (labels >= 0).unsqueeze(-1)
    return (divergence * padding_mask).sum() / padding_mask.sum()


def main():
    parser = HfArgumentParser(DistillationTrainingArguments)
    (training_args,) = parser.parse_args_into_dataclasses(sys.argv[1:])
    accelerator = Accelerator(gradient_accumulation_steps=training_args.gradient_accumulation_steps)

    teacher_model = WhisperForConditionalGeneration.from_pretrained("openai/whisper-large-v2")
    student_model = WhisperForConditionalGeneration.from_pretrained("distil-whisper/large-v2-32-2")
    teacher_model.eval()
    if training_args.freeze_encoder:
        student_model.model.encoder.requires_grad_(False)

    forbidden_module = [
        module for module, flag in [(student_model.model.encoder, training_args.freeze_encoder),
                                    (student_model.model.decoder, training_args.freeze_decoder)] if flag
    ] or None
    decay_parameters = get_parameter_names(student_model, [nn.LayerNorm], forbidden_module=forbidden_module)
    decay_parameters = [name for name in decay_parameters if "bias" not in name]
    optimizer_grouped_parameters = [
        {
            "params": [param for name, param in student_model.named_parameters() if name in decay_parameters],
            "weight_decay": training_args.weight_decay,
        },
        {
            "params": [param for name, param in student_model.named_parameters() if name not in decay_parameters],
            "weight_decay": 0.0,
        },
    ]
    optimizer = torch.optim.AdamW(
        params=optimizer_grouped_parameters,
        lr=training_args.learning_rate,
        betas=(training_args.adam_beta1, training_args.adam_beta2),
        eps=training_args.adam_epsilon,
    )
    total_train_steps = training_args.max_steps
    lr_scheduler = get_scheduler(name=training_args.lr_scheduler_type, optimizer=optimizer,
                                 num_warmup_steps=training_args.warmup_steps * accelerator.num_processes,
                                 num_training_steps=total_train_steps * accelerator.num_processes)

    train_dataloader = get_train_dataloader(training_args)
    student_model, teacher_model, optimizer, lr_scheduler, train_dataloader = accelerator.prepare(
        student_model, teacher_model, optimizer, lr_scheduler, train_dataloader)

    temperature = training_args.temperature
    step = 0
    for batch in train_dataloader:
        student_model.train()
        with accelerator.accumulate(student_model):
            student_outputs = student_model(**batch)
            with torch.no_grad():
                teacher_outputs = teacher_model(**batch)
            teacher_distribution = nn.functional.softmax(teacher_outputs.logits / temperature, dim=-1)
            student_distribution = nn.functional.log_softmax(student_outputs.logits / temperature, dim=-1)
            kl_loss = kl_divergence(teacher_distribution, student_distribution, batch["labels"]) * temperature**2
            loss = 0.8 * student_outputs.loss + training_args.kl_weight * kl_loss
            accelerator.backward(loss)
            if accelerator.sync_gradients:
                accelerator.clip_grad_norm_(student_model.parameters(), training_args.max_grad_norm)
            optimizer.step()
            lr_scheduler.step()
            optimizer.zero_grad()
        step += 1
        if step % training_args.logging_steps == 0:
            accelerator.print(f"step {step}: loss {loss.item():.4f}")
        if step >= total_train_steps:
            break


if __name__ == "__main__":
    main()
