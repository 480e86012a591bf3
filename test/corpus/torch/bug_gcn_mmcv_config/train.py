# Idiom seen in: huaifeng1993/optsprime_gcn config/config_gin.py
# What it reproduces: training entry point reading the config module and building model, optimizer and
# scheduler from it; loss is plain BCE on the graph label.
import torch
import torch.nn.functional as F

from builder import build_model, build_optimizer, build_scheduler
from configs import config_gin as cfg
from cvpa_dataset import get_graph_loaders  # not in this workspace


def main():
    model = build_model(cfg.model)
    optimizer = build_optimizer(model, cfg.optimizer)
    scheduler = build_scheduler(optimizer, cfg.lr_schedule)
    train_loader, val_loader = get_graph_loaders(batch_size=64)

    for epoch in range(cfg.train_cfg['max_epochs']):
        model.train()
        for data in train_loader:
            optimizer.zero_grad()
            out = model(data.x, data.edge_index, data.batch).squeeze(-1)
            loss = F.binary_cross_entropy_with_logits(out, data.y.float())
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.train_cfg['clip_norm'])
            optimizer.step()
        scheduler.step()
        if epoch % cfg.train_cfg['print_freq'] == 0:
            print(f'epoch {epoch} loss {loss.item():.4f}')


if __name__ == '__main__':
    main()
