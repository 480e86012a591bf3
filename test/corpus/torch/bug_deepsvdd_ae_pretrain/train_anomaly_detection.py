# Idiom seen in: leggedrobotics/anomaly_navigation train_anomaly_detection.py
# What it reproduces: the click entry point; --ae_weight_decay (0.5e-6 in the repository's run script)
#   reaches AETrainer's Adam.
import click
import torch
from torch.utils.tensorboard import SummaryWriter

from ae_trainer import AETrainer
from stack_conv_net import StackConvNet_Autoencoder
from datasets.main import load_dataset


@click.command()
@click.argument('xp_path', type=click.Path(exists=False))
@click.argument('data_path', type=click.Path(exists=True))
@click.option('--device', type=str, default='cuda')
@click.option('--ae_lr', type=float, default=0.0001)
@click.option('--ae_n_epochs', type=int, default=350)
@click.option('--ae_lr_milestone', type=int, default=[250], multiple=True)
@click.option('--ae_batch_size', type=int, default=200)
@click.option('--ae_weight_decay', type=float, default=0.5e-6,
              help='Weight decay (L2 penalty) hyperparameter for autoencoder objective.')
@click.option('--rgb', is_flag=True, default=True)
def main(xp_path, data_path, device, ae_lr, ae_n_epochs, ae_lr_milestone, ae_batch_size,
         ae_weight_decay, rgb):
    writer = SummaryWriter(xp_path)
    dataset = load_dataset('selfsupervised', data_path, rgb=rgb)
    ae_net = StackConvNet_Autoencoder(in_channels=3 if rgb else 1)
    trainer = AETrainer(writer, 'adam', lr=ae_lr, n_epochs=ae_n_epochs,
                        lr_milestones=tuple(ae_lr_milestone), batch_size=ae_batch_size,
                        weight_decay=ae_weight_decay, device=device)
    ae_net = trainer.train(dataset, ae_net)
    torch.save(ae_net.state_dict(), xp_path + '/ae_model.tar')


if __name__ == '__main__':
    main()
