# Idiom seen in: eriklindernoren/PyTorch-YOLOv3 pytorchyolo/models.py
# Idiom seen in: eriklindernoren/PyTorch-YOLOv3 pytorchyolo/train.py
# What it reproduces: Darknet model whose [net] block hyperparams (decay=0.0005, optimizer=adam) drive the
#   optimizer built in train.py; Adam gets the darknet decay as coupled L2 on every parameter (real repo).
import argparse
import os

import torch
import torch.optim as optim
import tqdm

from models import load_model
from utils.datasets import ListDataset
from utils.loss import compute_loss
from utils.parse_config import parse_data_config


def run():
    parser = argparse.ArgumentParser(description="Trains the YOLO model.")
    parser.add_argument("-m", "--model", type=str, default="config/yolov3.cfg")
    parser.add_argument("-d", "--data", type=str, default="config/coco.data")
    parser.add_argument("-e", "--epochs", type=int, default=300)
    parser.add_argument("--n_cpu", type=int, default=8)
    parser.add_argument("--pretrained_weights", type=str)
    parser.add_argument("--checkpoint_interval", type=int, default=1)
    args = parser.parse_args()

    os.makedirs("checkpoints", exist_ok=True)
    data_config = parse_data_config(args.data)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    model = load_model(args.model, args.pretrained_weights)
    mini_batch_size = model.hyperparams['batch'] // model.hyperparams['subdivisions']

    dataset = ListDataset(data_config["train"], img_size=model.hyperparams['height'], multiscale=True)
    dataloader = torch.utils.data.DataLoader(dataset, batch_size=mini_batch_size, shuffle=True,
                                             num_workers=args.n_cpu, collate_fn=dataset.collate_fn)

    params = [p for p in model.parameters() if p.requires_grad]

    if model.hyperparams['optimizer'] in [None, "adam"]:
        optimizer = optim.Adam(
            params,  # expect: WD203
            lr=model.hyperparams['learning_rate'],
            weight_decay=model.hyperparams['decay'],  # expect: WD202
        )
    elif model.hyperparams['optimizer'] == "sgd":
        optimizer = optim.SGD(
            params,  # expect: WD203
            lr=model.hyperparams['learning_rate'],
            weight_decay=model.hyperparams['decay'],
            momentum=model.hyperparams['momentum'])
    else:
        print("Unknown optimizer. Please choose between (adam, sgd).")

    for epoch in range(args.epochs):
        model.train()
        for batch_i, (_, imgs, targets) in enumerate(tqdm.tqdm(dataloader, desc=f"Training Epoch {epoch}")):
            batches_done = len(dataloader) * epoch + batch_i
            imgs = imgs.to(device, non_blocking=True)
            targets = targets.to(device)

            outputs = model(imgs)
            loss, loss_components = compute_loss(outputs, targets, model)
            loss.backward()

            if batches_done % model.hyperparams['subdivisions'] == 0:
                lr = model.hyperparams['learning_rate']
                if batches_done < model.hyperparams['burn_in']:
                    lr *= (batches_done / model.hyperparams['burn_in'])
                else:
                    for threshold, value in model.hyperparams['lr_steps']:
                        if batches_done > threshold:
                            lr *= value
                for g in optimizer.param_groups:
                    g['lr'] = lr
                optimizer.step()
                optimizer.zero_grad()
            model.seen += imgs.size(0)

        if epoch % args.checkpoint_interval == 0:
            torch.save(model.state_dict(), f"checkpoints/yolov3_ckpt_{epoch}.pth")


if __name__ == "__main__":
    run()
