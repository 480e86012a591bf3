# Idiom seen in: Atcold/NYU-DLSP20 12-regularization.ipynb
# What it reproduces: the regularization notebook's toggles both on: Toggle 2 = Adam(weight_decay=0.005)
# on all parameters (coupled, biases too), Toggle 1 turned into an L2 penalty on fc1 added to the loss,
# so fc1 is decayed twice (realistic student mistake in this notebook's idiom).
import collections

import torch
import torch.nn as nn
from torchtext.legacy import data, datasets

max_len = 80
text = data.Field(sequential=True, fix_length=max_len, batch_first=True, lower=True, dtype=torch.long)
label = data.LabelField(sequential=False, dtype=torch.float)
ds_train, ds_test = datasets.IMDB.splits(text, label, root='./data')
ds_train, ds_valid = ds_train.split(0.9)

num_words = 1000
text.build_vocab(ds_train, max_size=num_words)
label.build_vocab(ds_train)

batch_size = 64
train_loader, valid_loader, test_loader = data.BucketIterator.splits(
    (ds_train, ds_valid, ds_test), batch_size=batch_size, sort_key=lambda x: len(x.text), repeat=False)


class FixBatchGenerator:
    def __init__(self, dl, x_field, y_field):
        self.dl, self.x_field, self.y_field = dl, x_field, y_field

    def __len__(self):
        return len(self.dl)

    def __iter__(self):
        for batch in self.dl:
            yield (getattr(batch, self.x_field), getattr(batch, self.y_field))


train_loader = FixBatchGenerator(train_loader, 'text', 'label')
valid_loader = FixBatchGenerator(valid_loader, 'text', 'label')


class FeedforwardNeuralNetModel(nn.Module):
    def __init__(self, input_dim, embedding_dim, hidden_dim, output_dim):
        super(FeedforwardNeuralNetModel, self).__init__()
        self.embedding = nn.Embedding(input_dim, embedding_dim)
        self.fc1 = nn.Linear(embedding_dim * embedding_dim, hidden_dim)
        self.fc2 = nn.Linear(hidden_dim, output_dim)

    def forward(self, x):
        embedded = self.embedding(x)
        embedded = embedded.view(-1, embedding_dim * embedding_dim)
        out = torch.relu(self.fc1(embedded))
        # Toggle 3: Dropout
        # out = torch.dropout(out, 0.8)
        out = torch.sigmoid(self.fc2(out))
        return out


input_dim = num_words + 2
embedding_dim = max_len
hidden_dim = 32
output_dim = 1

model = FeedforwardNeuralNetModel(input_dim, embedding_dim, hidden_dim, output_dim)
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
model.to(device)

criterion = nn.BCELoss()

# Toggle 2: L2 Norm option - this is called weight decay
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=0.005)  # expect: WD202, WD203
# optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

iter = 0
num_epochs = 10
history_train_loss, history_val_acc = [], []
for epoch in range(num_epochs):
    for i, (samples, labels) in enumerate(train_loader):
        model.train()
        samples = samples.view(-1, max_len).to(device)
        labels = labels.view(-1, 1).to(device)

        optimizer.zero_grad()
        outputs = model(samples)
        loss = criterion(outputs, labels)

        # Toggle 1: L2 norm on fc1, add to original loss
        fc1_params = torch.cat([x.view(-1) for x in model.fc1.parameters()])
        loss += 0.001 * fc1_params.pow(2).sum()  # expect: WD201

        loss.backward()
        optimizer.step()

        iter += 1
        if iter % 100 == 0:
            model.eval()
            correct, total = 0, 0
            for samples, labels in valid_loader:
                samples = samples.view(-1, max_len).to(device)
                labels = labels.view(-1).to(device)
                outputs = model(samples)
                predicted = outputs.ge(0.5).view(-1)
                total += labels.size(0)
                correct += (predicted.type(torch.FloatTensor).cpu() == labels.type(torch.FloatTensor).cpu()).sum().item()
            accuracy = 100. * correct / total
            history_train_loss.append(loss.item())
            history_val_acc.append(accuracy)
            print('Iter: {} | Train Loss: {} | Val Accuracy: {}'.format(iter, loss.item(), round(accuracy, 2)))
