# Idiom seen in: StavrosOrf/PoweFlowNet train.py
# What it reproduces: torch.optim.AdamW(model.parameters(), lr=lr) with no weight_decay= argument: AdamW's
# default weight_decay=0.01 applies to every parameter, biases of the Linear/GATv2 layers included.
import os
import random
from datetime import datetime

import numpy as np
import torch
from torch_geometric.loader import DataLoader

from datasets.PowerFlowData import PowerFlowData
from mpn import SimpleNetwork2
from training import train_epoch, evaluate_epoch
from utils.argument_parser import argument_parser
from utils.custom_loss_functions import Masked_L2_loss


def main():
    args = argument_parser()
    run_id = datetime.now().strftime("%Y%m%d") + '-' + str(random.randint(0, 9999))
    SAVE_MODEL_PATH = os.path.join('models', 'model_' + run_id + '.pt')
    loss_fn = Masked_L2_loss()
    lr = args.lr
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    torch.manual_seed(1234)
    np.random.seed(1234)

    trainset = PowerFlowData(root=args.data_dir, case=args.case, split=[.5, .2, .3], task='train')
    valset = PowerFlowData(root=args.data_dir, case=args.case, split=[.5, .2, .3], task='val')
    train_loader = DataLoader(trainset, batch_size=args.batch_size, shuffle=True)
    val_loader = DataLoader(valset, batch_size=args.batch_size, shuffle=False)

    model = SimpleNetwork2(
        nfeature_dim=16,
        efeature_dim=args.efeature_dim,
        output_dim=args.output_dim,
        hidden_dim=args.hidden_dim,
        n_gnn_layers=args.n_gnn_layers,
        K=args.K,
        dropout_rate=args.dropout_rate,
    ).to(device)
    print("Total number of parameters: ", sum(p.numel() for p in model.parameters()))

    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)  # expect: WD203
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, steps_per_epoch=len(train_loader),
                                                    epochs=args.num_epochs)

    best_val_loss = 10000.
    for epoch in range(args.num_epochs):
        train_loss = train_epoch(model, train_loader, loss_fn, optimizer, device)
        val_loss = evaluate_epoch(model, val_loader, loss_fn, device)
        scheduler.step()
        if val_loss < best_val_loss:
            best_val_loss = val_loss
            if args.save:
                os.makedirs('models', exist_ok=True)
                torch.save({'epoch': epoch, 'model_state_dict': model.state_dict()}, SAVE_MODEL_PATH)
        print(f"Epoch {epoch + 1} / {args.num_epochs}: train_loss={train_loss:.4f}, val_loss={val_loss:.4f}")


if __name__ == '__main__':
    main()
