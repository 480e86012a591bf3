# Idiom seen in: meituan/YOLOv6 yolov6/solver/build.py
# What it reproduces: detector training loop with AMP GradScaler, gradient accumulation to a nominal batch of 64
# and a ModelEMA; decay only on conv weights through build_optimizer's groups (lr0*wd = 5e-6), a correct setup.
import math
from types import SimpleNamespace

import torch
from torch.cuda import amp

from build import build_optimizer, build_lr_scheduler
from yolov6.data.data_load import create_dataloader
from yolov6.models.losses.loss import ComputeLoss
from yolov6.models.yolo import build_model
from yolov6.utils.ema import ModelEMA

cfg = SimpleNamespace(
    model=SimpleNamespace(depth_multiple=0.33, width_multiple=0.50),
    solver=SimpleNamespace(optim='SGD', lr_scheduler='Cosine', lr0=0.01, lrf=0.01, momentum=0.937,
                           weight_decay=0.0005, warmup_epochs=3.0),
)


def train(data_path, epochs=400, batch_size=32, num_classes=80, device='cuda'):
    model = build_model(cfg, num_classes, device)
    accumulate = max(1, round(64 / batch_size))
    cfg.solver.weight_decay *= batch_size * accumulate / 64
    optimizer = build_optimizer(cfg, model)
    scheduler, lf = build_lr_scheduler(cfg, optimizer, epochs)
    ema = ModelEMA(model)
    scaler = amp.GradScaler(enabled=device != 'cpu')
    train_loader = create_dataloader(data_path, 640, batch_size, 32, augment=True)[0]
    compute_loss = ComputeLoss(num_classes=num_classes)
    max_stepnum = len(train_loader)
    warmup_stepnum = max(round(cfg.solver.warmup_epochs * max_stepnum), 1000)
    last_opt_step = -1
    for epoch in range(epochs):
        model.train()
        for step, (images, targets, _, _) in enumerate(train_loader):
            curr_step = step + max_stepnum * epoch
            if curr_step <= warmup_stepnum:
                accumulate = max(1, round(1 + (64 / batch_size - 1) * curr_step / warmup_stepnum))
            images = images.to(device).float() / 255
            with amp.autocast(enabled=device != 'cpu'):
                preds = model(images)
                total_loss, loss_items = compute_loss(preds, targets.to(device), epoch, step)
            scaler.scale(total_loss).backward()
            if curr_step - last_opt_step >= accumulate:
                scaler.step(optimizer)
                scaler.update()
                optimizer.zero_grad()
                ema.update(model)
                last_opt_step = curr_step
        scheduler.step()
        print(f"epoch {epoch}: loss {loss_items.tolist()} lr {[g['lr'] for g in optimizer.param_groups]}")
        torch.save({'model': ema.ema.state_dict(), 'epoch': epoch}, 'last_ckpt.pt')
    return math.nan


if __name__ == '__main__':
    train('data/coco.yaml')
