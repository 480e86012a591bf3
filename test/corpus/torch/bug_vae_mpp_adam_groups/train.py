# Idiom seen in: ajboyd2/vae_mpp vae_mpp/train.py
# What it reproduces: the training entry point: args as a dict, model, get_optimizer / get_lr_scheduler, clipped
#   updates; the finding is in optim.py.
import torch

from arguments import get_args
from model import PPModel
from optim import get_optimizer, get_lr_scheduler
from data import PointPatternDataset, pad_and_combine_instances


def train_epoch(model, dataloader, optimizer, lr_scheduler, args):
    model.train()
    total = 0.0
    for batch in dataloader:
        optimizer.zero_grad()
        loss = model.get_loss(batch["times"], batch["marks"], batch["padding_mask"])
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), args["grad_clip"])
        optimizer.step()
        lr_scheduler.step()
        total += loss.item()
    return total / max(1, len(dataloader))


def main():
    args = vars(get_args())
    torch.manual_seed(args["seed"])
    dataset = PointPatternDataset(file_path=args["train_data_path"])
    dataloader = torch.utils.data.DataLoader(dataset, batch_size=args["batch_size"], shuffle=True,
                                             collate_fn=pad_and_combine_instances)
    args["train_iters"] = len(dataloader) * args["train_epochs"]

    model = PPModel()
    optimizer = get_optimizer(model, args)
    lr_scheduler = get_lr_scheduler(optimizer, args)
    for epoch in range(args["train_epochs"]):
        print(epoch, train_epoch(model, dataloader, optimizer, lr_scheduler, args))


if __name__ == "__main__":
    main()
