# Idiom seen in: ARISE-Initiative/robomimic robomimic/scripts/train.py
# Idiom seen in: ARISE-Initiative/robomimic robomimic/utils/train_utils.py
# What it reproduces: the training entry: config -> BC algo -> run_epoch over a SequenceDataset from a
#   module the folder does not hold; the policy optimizer has weight_decay 0.0.
import argparse

import torch
from torch.utils.data import DataLoader

from bc_config import bc_config
from algo_bc import BC
from robomimic.utils.dataset import SequenceDataset


def run_epoch(model, data_loader, epoch, num_steps):
    data_loader_iter = iter(data_loader)
    for _ in range(num_steps):
        try:
            batch = next(data_loader_iter)
        except StopIteration:
            data_loader_iter = iter(data_loader)
            batch = next(data_loader_iter)
        batch = {k: v.float().to(model.device) for k, v in batch.items() if k in ("obs", "actions")}
        info = model.train_on_batch(batch, epoch, validate=False)
    return info


def train(config, dataset_path):
    device = torch.device("cuda:0" if torch.cuda.is_available() and config["train"]["cuda"] else "cpu")
    trainset = SequenceDataset(hdf5_path=dataset_path, seq_length=config["train"]["seq_length"])
    train_loader = DataLoader(trainset, batch_size=config["train"]["batch_size"], shuffle=True, drop_last=True)
    model = BC(config["algo"], obs_dim=trainset.obs_dim, ac_dim=trainset.ac_dim, device=device)
    for epoch in range(1, config["train"]["num_epochs"] + 1):
        info = run_epoch(model, train_loader, epoch, config["train"]["epoch_every_n_steps"])
        model.on_epoch_end(epoch)
        print("Epoch {}: {}".format(epoch, info["losses"]))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", type=str, required=True)
    args = parser.parse_args()
    train(bc_config(), args.dataset)
