# Idiom seen in: mperezcarrasco/PyTorch-Deep-SVDD train.py
# What it reproduces: TrainerDeepSVDD.pretrain/train each build optim.Adam(net.parameters(), lr=...,
#   weight_decay=self.args.weight_decay): coupled L2 scaled down by Adam's sqrt(v) (WD202, one per optimizer).
#   Like the repository, pretrain() reads args.weight_decay although a separate --weight_decay_ae exists.
import torch
from torch import optim
import torch.nn.functional as F

from model import autoencoder, network


def weights_init_normal(m):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1 and classname != 'Conv':
        torch.nn.init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find("Linear") != -1:
        torch.nn.init.normal_(m.weight.data, 0.0, 0.02)


class TrainerDeepSVDD:
    def __init__(self, args, data, device):
        self.args = args
        self.train_loader, self.test_loader = data
        self.device = device

    def pretrain(self):
        """Pretraining the weights for the deep SVDD network using autoencoder"""
        ae = autoencoder(self.args.latent_dim).to(self.device)
        ae.apply(weights_init_normal)
        optimizer = optim.Adam(ae.parameters(), lr=self.args.lr_ae,
                               weight_decay=self.args.weight_decay)  # expect: WD202
        scheduler = optim.lr_scheduler.MultiStepLR(optimizer, milestones=self.args.lr_milestones, gamma=0.1)
        ae.train()
        for epoch in range(self.args.num_epochs_ae):
            total_loss = 0
            for x, _ in self.train_loader:
                x = x.float().to(self.device)
                optimizer.zero_grad()
                x_hat = ae(x)
                reconst_loss = F.mse_loss(x_hat, x, reduction='mean')
                reconst_loss.backward()
                optimizer.step()
                total_loss += reconst_loss.item()
            scheduler.step()
            print('Pretraining Autoencoder... Epoch: {}, Loss: {:.3f}'.format(
                epoch, total_loss / len(self.train_loader)))
        self.save_weights_for_DeepSVDD(ae, self.train_loader)

    def save_weights_for_DeepSVDD(self, model, dataloader):
        c = self.get_c(model, dataloader)
        net = network(self.args.latent_dim).to(self.device)
        net.load_state_dict(model.state_dict(), strict=False)
        torch.save({'center': c.cpu().data.numpy().tolist(),
                    'net_dict': net.state_dict()}, 'weights/pretrained_parameters.pth')

    def get_c(self, model, dataloader):
        model.eval()
        z_ = []
        with torch.no_grad():
            for x, _ in dataloader:
                z_.append(model.encode(x.float().to(self.device)).detach())
        return torch.mean(torch.cat(z_), dim=0)

    def train(self):
        """Training the Deep SVDD model"""
        net = network(self.args.latent_dim).to(self.device)
        state_dict = torch.load('weights/pretrained_parameters.pth')
        net.load_state_dict(state_dict['net_dict'])
        c = torch.Tensor(state_dict['center']).to(self.device)

        optimizer = optim.Adam(net.parameters(), lr=self.args.lr,
                               weight_decay=self.args.weight_decay)  # expect: WD202
        scheduler = optim.lr_scheduler.MultiStepLR(optimizer, milestones=self.args.lr_milestones, gamma=0.1)
        net.train()
        for epoch in range(self.args.num_epochs):
            total_loss = 0
            for x, _ in self.train_loader:
                x = x.float().to(self.device)
                optimizer.zero_grad()
                z = net(x)
                loss = torch.mean(torch.sum((z - c) ** 2, dim=1))
                loss.backward()
                optimizer.step()
                total_loss += loss.item()
            scheduler.step()
            print('Training Deep SVDD... Epoch: {}, Loss: {:.3f}'.format(
                epoch, total_loss / len(self.train_loader)))
        self.net = net
        self.c = c
