# Idiom seen in: Dominik5431/QecVAE_for_Phase_Recognition src/nn/train.py
# Idiom seen in: Dominik5431/QecVAE_for_Phase_Recognition scripts/main.py
# What it reproduces: the training function calls the optimizer factory with all of model.parameters(); the
#   factory's Adam has weight_decay=1e-5, so biases and BatchNorm weights are decayed too.
from collections import OrderedDict

import torch
from torch.utils.data import DataLoader
from tqdm import tqdm

from loss import loss_func
from optimizer import make_optimizer
from qecdata import BitFlipToricData
from vae import VariationalAutoencoder


def train(model, init_optimizer, loss, epochs, batch_size, dataset, val_set, distance, b):
    device = torch.device('mps') if torch.backends.mps.is_available() else torch.device('cpu')
    model = model.to(device)
    train_loader = DataLoader(dataset, batch_size, shuffle=True)
    val_loader = DataLoader(val_set, batch_size, shuffle=True)
    optimizer = init_optimizer(model.parameters())  # expect: WD203
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs, eta_min=1e-7)

    for e in range(epochs):
        beta = b * distance ** 2 * batch_size
        model.train()
        with tqdm(train_loader, unit="batch") as epoch_pbar:
            for batch in epoch_pbar:
                optimizer.zero_grad()
                output, mean, log_var = model(batch[0].to(device))
                reconstruction_loss, kldiv_loss = loss(output, mean, log_var, batch[0].to(device), beta=beta)
                batch_loss = beta * reconstruction_loss + kldiv_loss
                batch_loss.backward()
                optimizer.step()
                od = OrderedDict()
                od["MSE"] = reconstruction_loss.item()
                od["KLD"] = kldiv_loss.item()
                epoch_pbar.set_postfix(od)

        model.eval()
        with torch.no_grad():
            val_loss = 0.0
            for batch in val_loader:
                out, m, lv = model(batch[0].to(device))
                r, k = loss(out, m, lv, batch[0].to(device), beta=1)
                val_loss += (r + k).item()
        model.save()
        scheduler.step()
        print(f'Epoch {e + 1}/{epochs}, Validation loss: {val_loss / len(val_loader):.4f}')
    return model


if __name__ == "__main__":
    LR = 1e-3
    DISTANCE = 15
    data = BitFlipToricData(distance=DISTANCE, noises=[0.02 * i for i in range(1, 20)], name="BFS_15",
                            num=1000, load=False)
    train_set, val_set = data.get_train_test_data()
    vae = VariationalAutoencoder(DISTANCE, latent_dims=1)
    train(vae, make_optimizer(LR), loss_func, epochs=100, batch_size=100,
          dataset=train_set, val_set=val_set, distance=DISTANCE, b=0.01)
