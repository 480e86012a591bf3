# Idiom seen in: boostcampaitech7/level4-recsys-finalproject-hackathon-recsys-05-lv3 src/lightgcn_utils/trainer.py
# What it reproduces: the epoch loop that samples (user, pos, neg) triples, shuffles, minibatches and calls BPRLoss.stage_one, logging the BPR loss to TensorBoard.
import torch
from torch.utils.tensorboard import SummaryWriter

from config import CONFIG
from dataloader import Loader
from loss import BPRLoss
from lightgcn import LightGCN
import utils


def train_epoch(dataset, model, bpr, epoch, writer, cfg):
    model.train()
    S = utils.UniformSample_original(dataset, cfg["dataloader"]["neg_ratio"])
    users = torch.Tensor(S[:, 0]).long().to(cfg["device"])
    pos_items = torch.Tensor(S[:, 1]).long().to(cfg["device"])
    neg_items = torch.Tensor(S[:, 2]).long().to(cfg["device"])
    users, pos_items, neg_items = utils.shuffle(users, pos_items, neg_items)

    batch_size = cfg["dataloader"]["bpr_batch_size"]
    total_batch = len(users) // batch_size + 1
    aver_loss = 0.0
    for batch_i, (b_users, b_pos, b_neg) in enumerate(
            utils.minibatch(users, pos_items, neg_items, batch_size=batch_size)):
        cri = bpr.stage_one(b_users, b_pos, b_neg)
        aver_loss += cri
        writer.add_scalar("BPRLoss/BPR", cri, epoch * total_batch + batch_i)
        if batch_i % cfg["train"]["show_interval"] == 0:
            print(f"{batch_i} / {total_batch}")
    return aver_loss / total_batch


def main():
    cfg = CONFIG
    utils.set_seed(cfg["seed"])
    dataset = Loader(path="../data/gowalla")
    model = LightGCN(cfg["model"], dataset).to(cfg["device"])
    bpr = BPRLoss(model, cfg)
    writer = SummaryWriter("runs/lightgcn")
    for epoch in range(cfg["train"]["epochs"]):
        loss = train_epoch(dataset, model, bpr, epoch, writer, cfg)
        print(f"EPOCH[{epoch + 1}/{cfg['train']['epochs']}] loss {loss:.3f}")
        if (epoch + 1) % 10 == 0:
            print(utils.test(dataset, model, cfg["topks"]))
    writer.close()


if __name__ == "__main__":
    main()
