# Idiom seen in: facebookresearch/multimodal examples/albef/finetune_vqa.py
# Idiom seen in: facebookresearch/multimodal examples/albef/configs/vqa.yaml
# What it reproduces: the ALBEF VQA fine-tuning loop with its training_args (weight_decay 0.02), where the
# user skipped the repo's add_weight_decay() split and gave torch AdamW model.parameters() directly:
# LayerNorm weights/biases and all biases of the transformer are decayed too (the repo itself is correct).
import time

import torch
from torch.optim import AdamW
from torch.optim.lr_scheduler import CosineAnnealingWarmRestarts

from data.vqa_datamodules import VQADataModule
from model import albef_model_for_vqa

TRAINING_ARGS = {
    "log_every_n_steps": 100,
    "alpha": 0.4,
    "weight_decay": 0.02,
    "lr": 2e-5,
    "min_lr": 1e-6,
    "max_epochs": 8,
    "step_size": 100,
    "warmup_steps": 4,
}


def train(model, datamodule, args, device):
    model.train()
    optimizer = AdamW(model.parameters(), lr=args["lr"], weight_decay=args["weight_decay"])  # expect: WD203
    scheduler = CosineAnnealingWarmRestarts(optimizer, T_0=args["max_epochs"], eta_min=args["min_lr"])
    data_loader = datamodule.train_dataloader(is_distributed=False, num_tasks=1, global_rank=0)
    start = time.time()
    for epoch in range(args["max_epochs"]):
        if epoch > 0:
            scheduler.step(epoch + args["warmup_steps"])
        for batch, (images, questions, q_atts, answers, a_atts, ans_weights, ans_lengths) in enumerate(data_loader):
            alpha = args["alpha"] if epoch > 0 else args["alpha"] * min(1, batch / len(data_loader))
            loss = model(images.to(device), questions.to(device), q_atts.to(device), answers.to(device),
                         a_atts.to(device), ans_weights=ans_weights.to(device), ans_lengths=ans_lengths,
                         alpha=alpha, is_train=True)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if batch % args["log_every_n_steps"] == 0:
                print("%.0fs epoch %d batch %d loss %.4f" % (time.time() - start, epoch, batch, loss.item()))


if __name__ == "__main__":
    import yaml
    config = yaml.safe_load(open("configs/vqa.yaml"))
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = albef_model_for_vqa(config, pretrained=True).to(device)
    train(model, VQADataModule(**config["datamodule_args"]), TRAINING_ARGS, device)
