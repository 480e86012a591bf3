# Idiom seen in: OFA-Sys/Chinese-CLIP cn_clip/training/main.py
# What it reproduces: one epoch of contrastive training with AMP GradScaler; the loss is the symmetric
# cross entropy only (decay comes from the AdamW groups in main.py).
import torch
import torch.nn as nn


def train(model, data, epoch, optimizer, scaler, scheduler, args, global_trained_steps):
    model.train()
    loss_img = nn.CrossEntropyLoss().cuda(args.local_device_rank)
    loss_txt = nn.CrossEntropyLoss().cuda(args.local_device_rank)
    dataloader = data['train'].dataloader
    num_steps = 0
    for i, batch in enumerate(dataloader):
        step = global_trained_steps + i
        scheduler(step)
        optimizer.zero_grad()
        images, texts, eos_indices = batch
        images = images.cuda(args.local_device_rank, non_blocking=True)
        texts = texts.cuda(args.local_device_rank, non_blocking=True)
        with torch.cuda.amp.autocast(enabled=args.precision == "amp"):
            image_features, text_features, logit_scale = model(images, texts)
            logits_per_image = logit_scale * image_features @ text_features.t()
            logits_per_text = logits_per_image.t()
            ground_truth = torch.arange(len(logits_per_image)).long().cuda(args.local_device_rank)
            total_loss = (loss_img(logits_per_image, ground_truth) + loss_txt(logits_per_text, ground_truth)) / 2
        if scaler is not None:
            scaler.scale(total_loss).backward()
            scaler.step(optimizer)
            scaler.update()
        else:
            total_loss.backward()
            optimizer.step()
        with torch.no_grad():
            model.module.logit_scale.data = torch.clamp(model.module.logit_scale.data, 0, 4.6052)
        num_steps += 1
    return num_steps
