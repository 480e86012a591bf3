# Idiom seen in: Tin-Hoang/humanfaces-diffusion-generation stable_diffusion_lora/v2/train_lora_unconditional.py
# What it reproduces: LoRA fine-tuning of a Stable Diffusion UNet on faces: get_peft_model wraps the UNet with
#   rank-24 adapters (bias="none"), every non-LoRA parameter is frozen, and AdamW(weight_decay=1e-2) gets only
#   the trainable LoRA matrices, which have no biases and no norm parameters. Clean.
import math

import torch
import torch.nn.functional as F
import torch.optim as optim
import wandb
from diffusers import DDPMScheduler, StableDiffusionPipeline
from diffusers.optimization import get_cosine_schedule_with_warmup
from peft import LoraConfig, get_peft_model
from tqdm.auto import tqdm

from data import get_celeba_dataloader


def get_config():
    return {
        "pretrained_model": "runwayml/stable-diffusion-v1-5",
        "resolution": 256,
        "train_batch_size": 8,
        "num_train_epochs": 30,
        "gradient_accumulation_steps": 4,
        "learning_rate": 1e-4,
        "lr_warmup_steps": 500,
        "adam_beta1": 0.9,
        "adam_beta2": 0.999,
        "adam_weight_decay": 1e-2,
        "adam_epsilon": 1e-08,
        "mixed_precision": "fp16",
        "lora_rank": 24,
        "lora_alpha": 48,
        "lora_dropout": 0.15,
        "output_dir": "./sd_lora_unconditional_faces_output",
    }


def train(config):
    wandb.init(project="sd-lora-faces", config=config)
    device = "cuda"
    pipe = StableDiffusionPipeline.from_pretrained(config["pretrained_model"], torch_dtype=torch.float32)
    pipe.to(device)
    noise_scheduler = DDPMScheduler.from_pretrained(config["pretrained_model"], subfolder="scheduler")

    peft_config = LoraConfig(
        r=config["lora_rank"],
        lora_alpha=config["lora_alpha"],
        target_modules=["to_q", "to_k", "to_v", "to_out.0"],
        lora_dropout=config["lora_dropout"],
        bias="none",
    )
    lora_model = get_peft_model(pipe.unet, peft_config)
    pipe.unet = lora_model
    for name, param in pipe.unet.named_parameters():
        if 'lora' not in name:
            param.requires_grad = False
    pipe.vae.requires_grad_(False)
    pipe.text_encoder.requires_grad_(False)

    optimizer = optim.AdamW(
        [p for p in pipe.unet.parameters() if p.requires_grad],
        lr=config["learning_rate"],
        betas=(config["adam_beta1"], config["adam_beta2"]),
        weight_decay=config["adam_weight_decay"],
        eps=config["adam_epsilon"],
    )
    train_dataloader = get_celeba_dataloader(config["resolution"], config["train_batch_size"])
    num_update_steps = math.ceil(len(train_dataloader) / config["gradient_accumulation_steps"])
    lr_scheduler = get_cosine_schedule_with_warmup(
        optimizer=optimizer, num_warmup_steps=config["lr_warmup_steps"],
        num_training_steps=num_update_steps * config["num_train_epochs"])
    scaler = torch.cuda.amp.GradScaler()

    with torch.no_grad():
        empty_ids = pipe.tokenizer([""], padding="max_length", max_length=pipe.tokenizer.model_max_length,
                                   return_tensors="pt").input_ids.to(device)
        empty_embeds = pipe.text_encoder(empty_ids)[0]

    global_step = 0
    for epoch in range(config["num_train_epochs"]):
        pipe.unet.train()
        for step, images in enumerate(tqdm(train_dataloader, desc=f"epoch {epoch}")):
            with torch.no_grad():
                latents = pipe.vae.encode(images.to(device)).latent_dist.sample() * 0.18215
            noise = torch.randn_like(latents)
            timesteps = torch.randint(0, noise_scheduler.config.num_train_timesteps, (latents.shape[0],),
                                      device=device).long()
            noisy_latents = noise_scheduler.add_noise(latents, noise, timesteps)
            with torch.cuda.amp.autocast():
                noise_pred = pipe.unet(noisy_latents, timesteps,
                                       empty_embeds.expand(latents.shape[0], -1, -1)).sample
                loss = F.mse_loss(noise_pred.float(), noise.float()) / config["gradient_accumulation_steps"]
            scaler.scale(loss).backward()
            if (step + 1) % config["gradient_accumulation_steps"] == 0:
                scaler.unscale_(optimizer)
                torch.nn.utils.clip_grad_norm_([p for p in pipe.unet.parameters() if p.requires_grad], 1.0)
                scaler.step(optimizer)
                scaler.update()
                lr_scheduler.step()
                optimizer.zero_grad()
                global_step += 1
                wandb.log({"loss": loss.item(), "lr": lr_scheduler.get_last_lr()[0]}, step=global_step)
    pipe.unet.save_pretrained(config["output_dir"])


if __name__ == "__main__":
    train(get_config())
