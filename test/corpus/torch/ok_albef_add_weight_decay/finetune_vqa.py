# Idiom seen in: facebookresearch/multimodal examples/albef/utils.py
# Idiom seen in: facebookresearch/multimodal examples/albef/finetune_vqa.py
# What it reproduces: add_weight_decay(model, weight_decay) helper that splits 1-D params and biases into a
# weight_decay=0 group, used to build torch AdamW for VQA fine-tuning with a YAML config and a cosine
# warm-restart schedule. Decoupled decay on weight matrices only: clean.
import argparse
import datetime
import time

import ruamel.yaml as yaml
import torch
from torch.optim import AdamW
from torch.optim.lr_scheduler import CosineAnnealingWarmRestarts

from data.vqa_datamodules import VQADataModule
from model import albef_model_for_vqa
from utils import add_weight_decay, get_rank, get_world_size, is_dist_avail_and_initialized, is_main_process


def train(model, datamodule, args, device):
    model.train()
    optimizer_params = add_weight_decay(model, args["weight_decay"])
    optimizer = AdamW(optimizer_params, lr=args["lr"])
    scheduler = CosineAnnealingWarmRestarts(optimizer, T_0=args["max_epochs"], eta_min=args["min_lr"])

    step_size = args["step_size"]
    warmup_iterations = args["warmup_steps"] * step_size
    data_loader = datamodule.train_dataloader(
        is_distributed=is_dist_avail_and_initialized(),
        num_tasks=get_world_size(),
        global_rank=get_rank(),
    )
    start_time = time.time()
    for epoch in range(args["max_epochs"]):
        if epoch > 0:
            scheduler.step(epoch + args["warmup_steps"])
        for batch, (images, questions, questions_atts, answers, answers_atts, ans_weights, ans_lengths) in enumerate(data_loader):
            alpha = args["alpha"] if epoch > 0 else args["alpha"] * min(1, batch / len(data_loader))
            loss = model(
                images.to(device, non_blocking=True),
                questions.to(device),
                questions_atts.to(device),
                answers.to(device),
                answers_atts.to(device),
                ans_weights=ans_weights.to(device),
                ans_lengths=ans_lengths,
                alpha=alpha,
                is_train=True,
            )
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if epoch == 0 and batch % step_size == 0 and batch <= warmup_iterations:
                scheduler.step(batch // step_size)
            if batch % args["log_every_n_steps"] == 0:
                elapsed = datetime.timedelta(seconds=int(time.time() - start_time))
                print("time {}, epoch {}/{}, batch {}/{}, loss {}".format(
                    elapsed, epoch, args["max_epochs"], batch, len(data_loader), loss.item()))
        if is_main_process():
            torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch},
                       "%s/vqa_checkpoint_%02d.pt" % (args["checkpoint_root"], epoch))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="./examples/albef/configs/vqa.yaml")
    args = parser.parse_args()
    config = yaml.load(open(args.config, "r"), Loader=yaml.Loader)
    device = torch.device(config["device"])
    torch.manual_seed(config["seed"] + get_rank())

    datamodule = VQADataModule(**config["datamodule_args"])
    model = albef_model_for_vqa(config, pretrained=True).to(device)
    train(model, datamodule, config["training_args"], device)


if __name__ == "__main__":
    main()
