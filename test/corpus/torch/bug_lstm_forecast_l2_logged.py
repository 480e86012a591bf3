# Idiom seen in: jianzhnie/TsFormer tutorials/lstm_demo.py
# What it reproduces: the LSTM forecasting demo with an L2 penalty on the weights added by the user, but the
# penalty only goes into the printed total; backward() runs on the bare MSE, so the penalty is dropped.
import torch
import torch.nn as nn

from data_utils import sliding_windows, load_airline_passengers  # not in this workspace


class LSTM(nn.Module):
    def __init__(self, num_classes, input_size, hidden_size, num_layers):
        super().__init__()
        self.num_layers = num_layers
        self.hidden_size = hidden_size
        self.lstm = nn.LSTM(input_size=input_size, hidden_size=hidden_size,
                            num_layers=num_layers, batch_first=True)
        self.fc = nn.Linear(hidden_size, num_classes)

    def forward(self, x):
        h_0 = torch.zeros(self.num_layers, x.size(0), self.hidden_size)
        c_0 = torch.zeros(self.num_layers, x.size(0), self.hidden_size)
        _, (h_out, _) = self.lstm(x, (h_0, c_0))
        return self.fc(h_out.view(-1, self.hidden_size))


if __name__ == '__main__':
    num_epochs = 2000
    learning_rate = 0.01
    l2_lambda = 1e-4

    input_size = 1
    hidden_size = 2
    num_layers = 1
    num_classes = 1

    series = load_airline_passengers()
    trainX, trainY = sliding_windows(series, seq_length=4)

    lstm = LSTM(num_classes, input_size, hidden_size, num_layers)

    criterion = torch.nn.MSELoss()  # mean-squared error for regression
    optimizer = torch.optim.Adam(lstm.parameters(), lr=learning_rate)

    for epoch in range(num_epochs):
        outputs = lstm(trainX)
        optimizer.zero_grad()

        loss = criterion(outputs, trainY)
        l2_penalty = l2_lambda * sum(p.pow(2).sum() for p in lstm.parameters())  # expect: WD104
        total = loss + l2_penalty

        loss.backward()
        optimizer.step()
        if epoch % 100 == 0:
            print("Epoch: %d, loss: %1.5f, loss+l2: %1.5f" % (epoch, loss.item(), total.item()))
