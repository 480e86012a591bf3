# Idiom seen in: patrick-kidger/NeuralCDE experiments/sepsis.py
# Idiom seen in: patrick-kidger/NeuralCDE experiments/common.py
# What it reproduces: PhysioNet 2019 sepsis prediction with a Neural CDE; the vector field's
#   weights are penalised inside the loss built by common.main. Clean.
import torch

import common
import datasets


def main(intensity=True, device='cuda', max_epochs=200, pos_weight=10, hidden_channels=49,
         hidden_hidden_channels=49, num_hidden_layers=4):
    batch_size = 1024
    lr = 0.0001 * (batch_size / 32)
    static_intensity = intensity
    time_intensity = intensity or True
    times, train_dataloader, val_dataloader, test_dataloader = datasets.sepsis.get_data(
        static_intensity, time_intensity, batch_size)
    input_channels = 1 + (1 + time_intensity) * 34
    make_model = common.make_model('ncde', input_channels, 1, hidden_channels, hidden_hidden_channels,
                                   num_hidden_layers, initial=True)
    return common.main(times, train_dataloader, val_dataloader, device, make_model, max_epochs, lr,
                       kwargs={}, pos_weight=torch.tensor(pos_weight))


if __name__ == '__main__':
    main()
